package io.apogee.client;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;

/**
 * Settings shared by producers, consumers and the admin client. Clients with the same client id
 * ({@code clientIP@instanceName}) share one {@link io.apogee.client.impl.MQClientInstance}, so its
 * timers and connections are taken from the first client that started it.
 */
public class ClientConfig {
    /** Name servers separated by ';'; the system property / environment variable of the official client also apply. */
    private String namesrvAddr = System.getProperty("rocketmq.namesrv.addr", System.getenv("NAMESRV_ADDR"));
    private String clientIP = localAddress();
    private String instanceName = System.getProperty("rocketmq.client.name", "DEFAULT");
    private int clientCallbackExecutorThreads = Runtime.getRuntime().availableProcessors();
    /** How often the routes of every used topic are fetched again. */
    private int pollNameServerInterval = 30_000;
    /** How often every known broker gets a HEART_BEAT. */
    private int heartbeatBrokerInterval = 30_000;
    /** How often consumers commit their offsets. */
    private int persistConsumerOffsetInterval = 5_000;
    /** Timeout of management calls (routes, heartbeats, offsets). */
    private int mqClientApiTimeout = 3_000;
    private String unitName;
    private boolean vipChannelEnabled = false;

    /** {@code ip@instanceName[@unitName]}: the identity brokers see and the key of the shared client instance. */
    public String buildMQClientId() {
        StringBuilder sb = new StringBuilder(clientIP).append('@').append(instanceName);
        if (unitName != null && !unitName.isEmpty()) {
            sb.append('@').append(unitName);
        }
        return sb.toString();
    }

    /**
     * Replaces the default instance name with one unique to this process, so two JVMs on one host
     * never share a client id (the broker would treat them as one consumer).
     */
    public void changeInstanceNameToPID() {
        if ("DEFAULT".equals(instanceName)) {
            instanceName = ProcessHandle.current().pid() + "#" + System.nanoTime();
        }
    }

    /** Copies every setting into {@code target}. */
    public void copyClientConfigTo(ClientConfig target) {
        target.namesrvAddr = namesrvAddr;
        target.clientIP = clientIP;
        target.instanceName = instanceName;
        target.clientCallbackExecutorThreads = clientCallbackExecutorThreads;
        target.pollNameServerInterval = pollNameServerInterval;
        target.heartbeatBrokerInterval = heartbeatBrokerInterval;
        target.persistConsumerOffsetInterval = persistConsumerOffsetInterval;
        target.mqClientApiTimeout = mqClientApiTimeout;
        target.unitName = unitName;
        target.vipChannelEnabled = vipChannelEnabled;
    }

    private static String localAddress() {
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback()) {
                    continue;
                }
                for (InetAddress addr : Collections.list(nif.getInetAddresses())) {
                    if (addr instanceof Inet4Address && !addr.isLoopbackAddress()) {
                        return addr.getHostAddress();
                    }
                }
            }
            return InetAddress.getLocalHost().getHostAddress();
        } catch (SocketException | java.net.UnknownHostException e) {
            return "127.0.0.1";
        }
    }

    public String getNamesrvAddr() {
        return namesrvAddr;
    }

    public void setNamesrvAddr(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }

    public String getClientIP() {
        return clientIP;
    }

    public void setClientIP(String clientIP) {
        this.clientIP = clientIP;
    }

    public String getInstanceName() {
        return instanceName;
    }

    public void setInstanceName(String instanceName) {
        this.instanceName = instanceName;
    }

    public int getClientCallbackExecutorThreads() {
        return clientCallbackExecutorThreads;
    }

    public void setClientCallbackExecutorThreads(int clientCallbackExecutorThreads) {
        this.clientCallbackExecutorThreads = clientCallbackExecutorThreads;
    }

    public int getPollNameServerInterval() {
        return pollNameServerInterval;
    }

    public void setPollNameServerInterval(int pollNameServerInterval) {
        this.pollNameServerInterval = pollNameServerInterval;
    }

    public int getHeartbeatBrokerInterval() {
        return heartbeatBrokerInterval;
    }

    public void setHeartbeatBrokerInterval(int heartbeatBrokerInterval) {
        this.heartbeatBrokerInterval = heartbeatBrokerInterval;
    }

    public int getPersistConsumerOffsetInterval() {
        return persistConsumerOffsetInterval;
    }

    public void setPersistConsumerOffsetInterval(int persistConsumerOffsetInterval) {
        this.persistConsumerOffsetInterval = persistConsumerOffsetInterval;
    }

    public boolean isVipChannelEnabled() {
        return vipChannelEnabled;
    }

    /**
     * Accepted so code written for the official client compiles and runs unchanged; Apogee always
     * talks to a broker's main port, which is what the official client does with the default false.
     */
    public void setVipChannelEnabled(boolean vipChannelEnabled) {
        this.vipChannelEnabled = vipChannelEnabled;
    }

    public int getMqClientApiTimeout() {
        return mqClientApiTimeout;
    }

    public void setMqClientApiTimeout(int mqClientApiTimeout) {
        this.mqClientApiTimeout = mqClientApiTimeout;
    }

    public String getUnitName() {
        return unitName;
    }

    public void setUnitName(String unitName) {
        this.unitName = unitName;
    }
}
