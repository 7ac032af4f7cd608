package io.apogee.remoting.protocol;

/** The response codes the transport itself produces; every other code belongs to the protocol module. */
public final class RemotingResponseCode {
    public static final int SUCCESS = 0;
    public static final int SYSTEM_ERROR = 1;
    public static final int SYSTEM_BUSY = 2;
    public static final int REQUEST_CODE_NOT_SUPPORTED = 3;

    private RemotingResponseCode() {
    }
}
