package io.swarmgrid.plugin.http.internal;

import io.swarmgrid.plugin.http.ApiHandler;

/**
 * One API route.
 *
 * @param method GET, POST or DELETE
 * @param path full path, {@code /api/v1/...}, with {@code {name}} parameters
 * @param tag the feature it belongs to (OpenAPI tag)
 * @param summary one line on what it does
 * @param bodyExample example JSON body of an act route, or null
 * @param handler what answers it
 */
public record RouteSpec(
    String method,
    String path,
    String tag,
    String summary,
    String bodyExample,
    ApiHandler handler) {}
