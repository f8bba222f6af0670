package io.themewire.digest.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SafeLinksTest {

  @Test
  void onlyAbsoluteHttpAndHttpsUrlsWithAHost_areLinks() {
    String[] refused = {
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "ja\tvascript:alert(1)",
      "ja&Tab;vascript:alert(1)",
      "ja&#09;vascript:alert(1)",
      " javascript:alert(1)",
      "java\nscript:alert(1)",
      "data:text/html,<script>alert(1)</script>",
      "vbscript:msgbox(1)",
      "//evil.example/x",
      "/relative/path",
      "https:///no-host",
      "http://evil.example/\u0000x",
      "http://evil.example/ x",
      "",
      null,
    };
    for (String url : refused) {
      assertThat(SafeLinks.isHttp(url)).as(String.valueOf(url)).isFalse();
      assertThat(SafeLinks.siteOf(url)).as(String.valueOf(url)).isNull();
    }
    assertThat(SafeLinks.isHttp("https://www.Example.com/a?b=1#c")).isTrue();
    assertThat(SafeLinks.siteOf("https://www.Example.com/a?b=1#c")).isEqualTo("example.com");
    assertThat(SafeLinks.isHttp("HTTP://example.com/")).isTrue();
  }
}
