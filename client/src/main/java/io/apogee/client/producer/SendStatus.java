package io.apogee.client.producer;

/** How far a sent message got. Everything but SEND_OK means stored on the master but not yet as durable as configured. */
public enum SendStatus {
    SEND_OK,
    FLUSH_DISK_TIMEOUT,
    FLUSH_SLAVE_TIMEOUT,
    SLAVE_NOT_AVAILABLE
}
