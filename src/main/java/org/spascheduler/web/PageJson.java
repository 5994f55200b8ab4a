package org.spascheduler.web;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;

/**
 * One page of a list, in a shape of our own: Spring's {@code Page} JSON is not a stable contract.
 *
 * @param page 0-based
 */
public record PageJson<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

    public static <S, T> PageJson<T> of(Page<S> stored, Function<S, T> toJson) {
        return new PageJson<>(stored.getContent().stream().map(toJson).toList(), stored.getNumber(), stored.getSize(),
                stored.getTotalElements(), stored.getTotalPages());
    }
}
