package io.apogee.protocol.body;

import io.apogee.remoting.protocol.LanguageCode;
import java.util.Objects;

/** One client connection as the broker sees it. */
public class Connection {
    private String clientId;
    /** Remote ip:port of the connection. */
    private String clientAddr;
    private LanguageCode language;
    /** Client version ordinal. */
    private int version;

    public String getClientId() {
        return clientId;
    }

    public void setClientId(String clientId) {
        this.clientId = clientId;
    }

    public String getClientAddr() {
        return clientAddr;
    }

    public void setClientAddr(String clientAddr) {
        this.clientAddr = clientAddr;
    }

    public LanguageCode getLanguage() {
        return language;
    }

    public void setLanguage(LanguageCode language) {
        this.language = language;
    }

    public int getVersion() {
        return version;
    }

    public void setVersion(int version) {
        this.version = version;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Connection o && Objects.equals(clientId, o.clientId) && Objects.equals(clientAddr, o.clientAddr) && Objects.equals(language, o.language) && version == o.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(clientId, clientAddr, language, version);
    }
}
