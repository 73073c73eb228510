package org.factdesk.network;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What it takes to create a unit. */
public record NewUnit(
        @NotBlank(message = "{validation.unit-name.required}") @Size(max = 200)
        String name,

        @NotNull UnitKind kind) {}
