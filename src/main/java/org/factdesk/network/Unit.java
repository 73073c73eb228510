package org.factdesk.network;

import java.time.Instant;
import org.factdesk.shared.UnitId;

/** An organisation of the network (a provincial desk, a district desk, a partner newsroom, ...). */
public record Unit(UnitId id, String name, UnitKind kind, Instant createdAt) {}
