package io.swarmgrid.plugin.http;

import java.util.List;

/**
 * One page of a list: {@code ?offset=&limit=} on every list route.
 *
 * @param items the items of this page
 * @param offset index of the first item in the whole list
 * @param limit most items a page holds
 * @param total items in the whole list
 * @param next offset of the next page, or null on the last page
 */
public record Page<T>(List<T> items, int offset, int limit, int total, Integer next) {
  /** The page of {@code all} from {@code offset}, at most {@code limit} items. */
  public static <T> Page<T> of(List<T> all, int offset, int limit) {
    int from = Math.min(offset, all.size());
    int to = Math.min(all.size(), from + limit);
    return new Page<>(
        List.copyOf(all.subList(from, to)), offset, limit, all.size(), to < all.size() ? to : null);
  }
}
