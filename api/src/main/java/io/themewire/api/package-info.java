/**
 * The HTTP API. Read {@link io.themewire.api.ApiServer}: it wires the small controllers and the
 * problem+json error mapping.
 */
package io.themewire.api;
