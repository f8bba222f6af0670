package io.themewire.ingest.url;

import static org.assertj.core.api.Assertions.assertThat;

import io.themewire.core.message.CanonicalUrl;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UrlCanonicalizerTest {

  private final UrlCanonicalizer c = new UrlCanonicalizer();

  @Test
  void canonicalize_dropsTrackingParametersFragmentsAndDefaultPorts() {
    assertThat(
            c.canonicalize(
                "HTTPS://Blog.Example:443/a/../post?utm_source=x&id=7&fbclid=abc#comments"))
        .contains(new CanonicalUrl("https://blog.example/post?id=7"));
  }

  // RELIABILITY row 25
  @Test
  void canonicalize_sameStoryViaDifferentLinksIsOneUrl() {
    Optional<CanonicalUrl> a = c.canonicalize("https://blog.example/post?utm_medium=feed");
    Optional<CanonicalUrl> b = c.canonicalize("https://blog.example/post#top");
    assertThat(a).isPresent().isEqualTo(b);
  }

  @Test
  void canonicalize_resolvesRelativeLinksAgainstTheBase() {
    assertThat(c.canonicalize("/posts/1", "https://blog.example/feed.xml"))
        .contains(new CanonicalUrl("https://blog.example/posts/1"));
  }

  // RELIABILITY row 8
  @Test
  void canonicalize_refusesEveryNonHttpScheme() {
    for (String bad :
        new String[] {
          "javascript:alert(1)",
          "file:///etc/passwd",
          "ftp://a.example/x",
          "data:text/html,hi",
          "mailto:a@b.example",
          "",
          "not a url"
        }) {
      assertThat(c.canonicalize(bad)).as(bad).isEmpty();
    }
  }
}
