package io.themewire.api;

import java.io.IOException;

/**
 * Takes in one post pushed through {@code POST /api/items}. {@link #accept} returns only once the
 * post is durable (it survives a kill of the process from then on) and searchable; the API answers
 * 202 after it.
 */
@FunctionalInterface
public interface ItemIntake {

  /**
   * Makes the post in {@code json} durable and searchable.
   *
   * @return the id of the stored item
   * @throws Rejected when the body is not a post the intake accepts (nothing is stored)
   * @throws IOException when the post could not be made durable (nothing is acknowledged)
   */
  String accept(byte[] json) throws Rejected, IOException;

  /** A post the intake refuses: {@link #reason()} is the problem {@code type}. */
  final class Rejected extends Exception {
    private final String reason;

    public Rejected(String reason, String message) {
      super(message);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }
}
