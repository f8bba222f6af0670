/** Test support: {@link io.themewire.testkit.FixtureServer}, a real HTTP server on loopback. */
package io.themewire.testkit;
