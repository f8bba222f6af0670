/**
 * JSON on the wire and on disk: the shared {@link io.themewire.core.json.Json} mapper, one {@link
 * io.themewire.core.json.Codec} per message type, and the {@link io.themewire.core.json.Topic}
 * constants that bind topic names to codecs.
 */
package io.themewire.core.json;
