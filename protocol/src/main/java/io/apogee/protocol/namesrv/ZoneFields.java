package io.apogee.protocol.namesrv;

/**
 * Extra ext fields of zone-aware deployments (5.x, set when a process runs with a zone configured):
 * a broker's registration names its zone; a client's route query names its zone and, with zone mode
 * on, gets only the brokers of that zone.
 */
public final class ZoneFields {
    public static final String ZONE_NAME = "__ZONE_NAME";
    public static final String ZONE_MODE = "__ZONE_MODE";

    private ZoneFields() {
    }
}
