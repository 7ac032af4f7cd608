package io.apogee.namesrv.route;

/** Identifies one broker process: the same address may be reused by another cluster, so both are the key. */
record BrokerAddrInfo(String clusterName, String brokerAddr) {
}
