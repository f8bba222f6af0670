package io.themewire.ingest.discussion;

import com.fasterxml.jackson.databind.JsonNode;
import io.themewire.core.message.CanonicalUrl;
import io.themewire.core.message.ItemId;
import io.themewire.core.message.RawItem;
import io.themewire.core.message.Source;
import io.themewire.core.message.SourceKind;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Mastodon statuses: the JSON array of {@code Status} objects that timelines and {@code
 * /api/v1/accounts/<id>/statuses} return (a single status object is read too). A reblog is read as
 * the status it boosts. Each status with text becomes a post: text from its HTML {@code content},
 * its {@code card} link as the article it discusses, favourites as points and replies as comments,
 * and its {@code language}.
 *
 * <p>Identity: status {@code id}s are local to the server that answered, so the item id is keyed by
 * the status {@code uri} (the same on every server) under the source {@code mastodon:<host>}, the
 * host being the server the status lives on. A reply's parent is found among the statuses of the
 * same document by {@code in_reply_to_id}, or, for a reply to one's own status on its home server,
 * derived from the status uri; otherwise it is null. The thread id is the first status of a reply
 * chain found in the document, else null.
 */
final class MastodonFormat implements DiscussionFormat {

  /** Longest reply chain followed to find a thread's first status; guards against cycles. */
  private static final int MAX_CHAIN = 1_000;

  @Override
  public String name() {
    return "mastodon";
  }

  @Override
  public boolean recognizes(JsonNode root) {
    return isStatus(root) || (root.isArray() && !root.isEmpty() && isStatus(root.get(0)));
  }

  private static boolean isStatus(JsonNode node) {
    return node.isObject()
        && node.path("account").isObject()
        && node.has("content")
        && node.has("created_at")
        && (node.has("uri") || node.has("url"));
  }

  @Override
  public List<RawItem> parse(JsonNode root, Instant fetchedAt) throws IOException {
    List<JsonNode> statuses = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(statuses::add);
    } else {
      statuses.add(root);
    }
    // Unwrap reblogs first, so that replies can find a boosted parent too.
    List<Status> read = new ArrayList<>();
    Map<String, Status> byLocalId = new HashMap<>();
    for (int i = 0; i < statuses.size(); i++) {
      JsonNode node = statuses.get(i);
      if (!isStatus(node)) {
        throw new IOException("not a Mastodon status: element " + i + " has no account or content");
      }
      JsonNode status = node.path("reblog").isObject() ? node.path("reblog") : node;
      Status s = identify(status, i);
      read.add(s);
      if (s.localId() != null) {
        byLocalId.putIfAbsent(s.localId(), s);
      }
    }
    List<RawItem> items = new ArrayList<>();
    Set<ItemId> emitted = new HashSet<>();
    for (Status s : read) {
      String text = NativeFields.html(NativeFields.string(s.json(), "content"));
      if (text.isEmpty() || !emitted.add(s.id())) {
        continue;
      }
      ItemId parent = parentOf(s, byLocalId);
      CanonicalUrl page = NativeFields.url(NativeFields.string(s.json(), "url"));
      items.add(
          new RawItem(
              s.id(),
              page != null ? page : NativeFields.url(s.uri()),
              new Source(s.sourceId(), "Mastodon " + s.host(), SourceKind.POST),
              "",
              author(s),
              NativeFields.published(NativeFields.dateText(s.json(), "created_at"), fetchedAt),
              fetchedAt,
              NativeFields.language(NativeFields.string(s.json(), "language")),
              text,
              parent,
              parent == null ? null : threadOf(s, byLocalId),
              NativeFields.url(NativeFields.string(s.json().path("card"), "url")),
              NativeFields.engagement(
                  NativeFields.count(s.json(), "favourites_count"),
                  NativeFields.count(s.json(), "replies_count")),
              null));
    }
    return items;
  }

  /** A status with its identity worked out. */
  private record Status(JsonNode json, String uri, String host, String localId, ItemId id) {
    String sourceId() {
      return "mastodon:" + host;
    }
  }

  private static Status identify(JsonNode status, int index) throws IOException {
    String uri = NativeFields.string(status, "uri");
    if (uri == null) {
      uri = NativeFields.string(status, "url");
    }
    String host = host(uri);
    if (host == null) {
      throw new IOException("Mastodon status " + index + " has no uri with a host");
    }
    return new Status(
        status, uri, host, NativeFields.string(status, "id"), ItemId.of("mastodon:" + host, uri));
  }

  private static ItemId parentOf(Status s, Map<String, Status> byLocalId) {
    String parentLocalId = NativeFields.string(s.json(), "in_reply_to_id");
    if (parentLocalId == null) {
      return null;
    }
    Status parent = byLocalId.get(parentLocalId);
    if (parent != null) {
      return parent.id();
    }
    // A reply to one's own status, read from the home server: both uris differ only in the id.
    String ownAccount = NativeFields.string(s.json().path("account"), "id");
    String suffix = "/statuses/" + s.localId();
    if (ownAccount != null
        && ownAccount.equals(NativeFields.string(s.json(), "in_reply_to_account_id"))
        && s.localId() != null
        && s.uri().endsWith(suffix)) {
      String parentUri =
          s.uri().substring(0, s.uri().length() - suffix.length()) + "/statuses/" + parentLocalId;
      return ItemId.of(s.sourceId(), parentUri);
    }
    return null;
  }

  private static ItemId threadOf(Status s, Map<String, Status> byLocalId) {
    Status top = s;
    for (int i = 0; i < MAX_CHAIN; i++) {
      String parentLocalId = NativeFields.string(top.json(), "in_reply_to_id");
      Status parent = parentLocalId == null ? null : byLocalId.get(parentLocalId);
      if (parent == null) {
        break;
      }
      top = parent;
    }
    return top == s || NativeFields.string(top.json(), "in_reply_to_id") != null ? null : top.id();
  }

  /** {@code user@host}: the account's {@code acct}, with the host added for local accounts. */
  private static String author(Status s) {
    JsonNode account = s.json().path("account");
    String acct = NativeFields.string(account, "acct");
    if (acct == null) {
      return NativeFields.string(account, "display_name");
    }
    if (acct.contains("@")) {
      return acct;
    }
    String accountHost = host(NativeFields.string(account, "url"));
    return acct + "@" + (accountHost != null ? accountHost : s.host());
  }

  private static String host(String url) {
    if (url == null) {
      return null;
    }
    try {
      String host = new URI(url.strip()).getHost();
      return host == null || host.isBlank() ? null : host.toLowerCase(Locale.ROOT);
    } catch (URISyntaxException e) {
      return null;
    }
  }
}
