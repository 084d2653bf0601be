package org.peakoningest.browse.web;

import java.util.List;

/** One page of a listing: the items, how many match in total, and the paging that produced it. */
public record PageResponse<T>(
        List<T> items, long total, int limit, int offset, String sort, String order, List<String> notices) {}
