package org.factdesk.network;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.factdesk.shared.Language;
import org.factdesk.shared.UnitId;

/** What it takes to create an account: who, their first unit and role there. */
public record NewUser(
        @NotBlank(message = "{validation.email.required}")
        @Email(message = "{validation.email.invalid}")
        @Size(max = 320)
        String email,

        @NotBlank(message = "{validation.display-name.required}") @Size(max = 200)
        String displayName,

        @NotBlank(message = "{validation.password.required}")
        @Size(min = 10, max = 200, message = "{validation.password.length}")
        String password,

        @NotNull Language language,
        @NotNull UnitId unit,
        @NotNull Role role) {}
