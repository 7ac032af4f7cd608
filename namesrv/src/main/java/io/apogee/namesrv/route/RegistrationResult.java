package io.apogee.namesrv.route;

/**
 * Outcome of a registration. A slave learns its master's address and HA address (both null for a
 * master, or while the master is unknown); a refused registration has {@code accepted == false}.
 */
public record RegistrationResult(boolean accepted, String masterAddr, String haServerAddr) {
    static final RegistrationResult REFUSED = new RegistrationResult(false, null, null);
}
