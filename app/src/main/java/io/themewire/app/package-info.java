/**
 * The {@code themewire} command line. Read {@link io.themewire.app.Main}, then {@link
 * io.themewire.app.Wiring}: every part of the embedded mode is put together there.
 */
package io.themewire.app;
