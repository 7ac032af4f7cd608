package io.apogee.tools;

import io.apogee.client.admin.DefaultMQAdminExt;
import io.apogee.client.exception.MQClientException;
import io.apogee.client.impl.MQClientAPI;
import io.apogee.client.impl.MQClientInstance;
import io.apogee.client.impl.MQClientManager;

/**
 * A started admin client for the length of one command. The few requests {@link DefaultMQAdminExt}
 * has no method for go out over the same client instance (same connections, same client id).
 */
public final class AdminSession implements AutoCloseable {
    private final DefaultMQAdminExt admin;

    private AdminSession(DefaultMQAdminExt admin) {
        this.admin = admin;
    }

    static AdminSession start(String namesrvAddr) throws MQClientException {
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(namesrvAddr);
        admin.start();
        return new AdminSession(admin);
    }

    public DefaultMQAdminExt admin() {
        return admin;
    }

    /** The client instance the admin client runs on (started, shared by client id). */
    public MQClientInstance client() {
        return MQClientManager.getInstance().getOrCreateMQClientInstance(admin);
    }

    public MQClientAPI api() {
        return client().getMQClientAPI();
    }

    public long timeoutMillis() {
        return admin.getTimeoutMillis();
    }

    public String namesrvAddr() {
        return admin.getNamesrvAddr();
    }

    @Override
    public void close() {
        admin.shutdown();
    }
}
