package io.themewire.ingest.fetch;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Where the fetcher may connect. A URL passes when its scheme is http(s), a redirect does not
 * downgrade https to http, and every address its host resolves to is public. The host is resolved
 * once: the validated addresses are pinned for {@link #PIN_NANOS} and the connection is made to
 * exactly those ({@link #pinned}), so a resolver that answers a public address first and a private
 * one next (DNS rebinding) never gets a connection to the private one.
 */
final class DestinationPolicy {

  /** How long validated addresses are reused for a host before it is resolved again. */
  static final long PIN_NANOS = TimeUnit.SECONDS.toNanos(60);

  private final HostResolver resolver;
  private final boolean allowPrivate;
  private final boolean allowDowngrade;
  private final Ticker ticker;
  private final Map<String, Pin> pins = new ConcurrentHashMap<>();

  private record Pin(List<InetAddress> addresses, long until) {}

  /** A host that may not be connected to, with the address that decided it. */
  static final class Refused extends UnknownHostException {
    Refused(String host, InetAddress address) {
      super(host + " resolves to a private or loopback address (" + address.getHostAddress() + ")");
    }
  }

  DestinationPolicy(
      HostResolver resolver, boolean allowPrivate, boolean allowDowngrade, Ticker ticker) {
    this.resolver = resolver;
    this.allowPrivate = allowPrivate;
    this.allowDowngrade = allowDowngrade;
    this.ticker = ticker;
  }

  /**
   * The policy for one hop: null when {@code to} may be fetched. Resolves the host (and pins what
   * it validated) unless private addresses are allowed.
   *
   * @param from the previous hop, or null for the first request
   */
  FetchResult.Failed check(String url, URI from, URI to) {
    boolean redirected = from != null;
    String scheme = to.getScheme() == null ? "" : to.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      return new FetchResult.Failed(
          url,
          redirected ? FailureKind.BLOCKED_REDIRECT : FailureKind.BAD_SCHEME,
          "only http(s) is fetched, not " + to);
    }
    if (redirected
        && !allowDowngrade
        && "https".equalsIgnoreCase(from.getScheme())
        && scheme.equals("http")) {
      return new FetchResult.Failed(
          url, FailureKind.INSECURE_REDIRECT, from + " redirects from https to http: " + to);
    }
    if (to.getHost() == null || to.getHost().isBlank()) {
      return new FetchResult.Failed(url, FailureKind.BAD_URL, "URL has no host: " + to);
    }
    if (allowPrivate) {
      return null;
    }
    try {
      pinned(to.getHost());
      return null;
    } catch (Refused e) {
      return new FetchResult.Failed(
          url,
          redirected ? FailureKind.BLOCKED_REDIRECT : FailureKind.BLOCKED_DESTINATION,
          e.getMessage());
    } catch (UnknownHostException e) {
      return new FetchResult.Failed(url, FailureKind.UNKNOWN_HOST, "unknown host " + to.getHost());
    }
  }

  /**
   * The addresses to connect to for {@code host}: the pinned ones while fresh, else a new
   * resolution, every address validated (unless private addresses are allowed).
   *
   * @throws Refused when an address is private
   * @throws UnknownHostException when the name does not resolve
   */
  List<InetAddress> pinned(String host) throws UnknownHostException {
    String name = bare(host);
    long now = ticker.nanos();
    Pin pin = pins.get(name);
    if (pin != null && now - pin.until() < 0) {
      return pin.addresses();
    }
    List<InetAddress> addresses = List.copyOf(resolver.resolve(name));
    if (addresses.isEmpty()) {
      throw new UnknownHostException(name);
    }
    if (!allowPrivate) {
      for (InetAddress address : addresses) {
        if (isPrivate(address)) {
          throw new Refused(host, address);
        }
      }
    }
    pins.put(name, new Pin(addresses, now + PIN_NANOS));
    return addresses;
  }

  private static String bare(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }

  static boolean isPrivate(InetAddress a) {
    byte[] b = a.getAddress();
    return a.isLoopbackAddress()
        || a.isAnyLocalAddress()
        || a.isLinkLocalAddress()
        || a.isSiteLocalAddress()
        || a.isMulticastAddress()
        || (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) // 100.64/10, carrier NAT
        || (b.length == 4 && (b[0] & 0xff) == 0) // 0.0.0.0/8
        || (b.length == 16 && (b[0] & 0xfe) == 0xfc); // fc00::/7
  }
}
