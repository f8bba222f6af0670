package io.themewire.ingest.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * Turns a host name into addresses. The seam through which tests map public-looking names to
 * loopback, so that the destination policy is checked on what a name resolves to, not on the name.
 */
@FunctionalInterface
public interface HostResolver {

  /** The system's resolver. */
  HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

  /** Every address of {@code host}; never empty. */
  List<InetAddress> resolve(String host) throws UnknownHostException;
}
