/**
 * The stage contract and how stages are run. Read {@link io.themewire.core.stage.Stage} first, then
 * {@link io.themewire.core.stage.Outcome}; {@link io.themewire.core.stage.EmbeddedRunner} wires
 * stages in one JVM with bounded queues.
 */
package io.themewire.core.stage;
