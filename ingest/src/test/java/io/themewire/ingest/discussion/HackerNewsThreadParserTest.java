package io.themewire.ingest.discussion;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.ItemId;
import io.themewire.core.message.RawItem;
import io.themewire.ingest.Fixtures;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HackerNewsThreadParserTest {

  @Test
  void parse_keepsThreadStructureEngagementAndTheDiscussedArticle() throws Exception {
    List<RawItem> items =
        new HackerNewsThreadParser()
            .parse(Fixtures.bytes("hn-thread.json"), Instant.parse("2026-11-20T00:00:00Z"));

    RawItem story = items.get(0);
    assertThat(story.id()).isEqualTo(ItemId.of("hn", "42000001"));
    assertThat(story.discusses().value()).isEqualTo("https://keel.example/posts/back-to-ic");
    assertThat(story.engagement().points()).isEqualTo(212);
    assertThat(story.engagement().comments()).isEqualTo(3);
    // The deleted comment (null text) is skipped; the others keep parent and thread.
    assertThat(items).hasSize(3);
    RawItem reply = items.get(2);
    assertThat(reply.text()).isEqualTo("Which language did you go back to?");
    assertThat(reply.parentId()).isEqualTo(ItemId.of("hn", "42000002"));
    assertThat(reply.threadId()).isEqualTo(story.id());
    assertThat(items.get(1).text())
        .isEqualTo(
            "I did the same move last spring. The first month back in the code was humbling & great.");
  }

  @Test
  void parse_deeplyNestedThreadDoesNotOverflowTheStack() throws Exception {
    StringBuilder json =
        new StringBuilder("{\"id\":1,\"type\":\"story\",\"title\":\"t\",\"children\":[");
    int depth = 5000;
    for (int i = 0; i < depth; i++) {
      json.append("{\"id\":")
          .append(i + 2)
          .append(",\"type\":\"comment\",\"text\":\"c\",\"children\":[");
    }
    json.append("]}".repeat(depth)).append("]}");
    // Jackson's own nesting limit (1000) or our depth cap: either way a clean exception or a
    // result.
    try {
      List<RawItem> items =
          new HackerNewsThreadParser().parse(json.toString().getBytes(), Instant.EPOCH);
      assertThat(items.size()).isLessThanOrEqualTo(HackerNewsThreadParser.MAX_DEPTH + 1);
    } catch (java.io.IOException e) {
      assertThat(e).hasMessageContaining("nesting");
    }
  }
}
