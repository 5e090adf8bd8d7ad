/**
 * The member's HTTP server ({@code swarmgrid.http}): the JSON API under {@code /api/v1}, {@code
 * /openapi.json}, health probes, Prometheus metrics and the dashboard. Features add their routes by
 * implementing {@link io.swarmgrid.plugin.http.ApiRoutes} and listing the class in {@code
 * META-INF/services/io.swarmgrid.plugin.http.ApiRoutes}.
 */
package io.swarmgrid.plugin.http;
