package org.factdesk.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a longer list: the rows, the zero-based page number, the page size and the total count. */
public record PageOf<T>(List<T> content, int page, int size, long total) {

    public PageOf {
        content = List.copyOf(content);
    }

    public int totalPages() {
        return size == 0 ? 0 : (int) ((total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public <R> PageOf<R> map(Function<? super T, ? extends R> mapper) {
        return new PageOf<>(content.stream().<R>map(mapper).toList(), page, size, total);
    }
}
