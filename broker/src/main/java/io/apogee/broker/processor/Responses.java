package io.apogee.broker.processor;

import io.apogee.protocol.Json;
import io.apogee.protocol.ResponseCode;
import io.apogee.remoting.header.CommandCustomHeader;
import io.apogee.remoting.header.RemotingCommandException;
import io.apogee.remoting.protocol.RemotingCommand;

/** Small builders for the answers every processor gives. */
public final class Responses {
    private Responses() {
    }

    public static RemotingCommand success(RemotingCommand request) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }

    public static RemotingCommand success(RemotingCommand request, CommandCustomHeader header) {
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null, header);
    }

    /** SUCCESS with a JSON body. */
    public static RemotingCommand json(RemotingCommand request, Object body) {
        return success(request).setBody(Json.toBytes(body));
    }

    public static RemotingCommand error(RemotingCommand request, int code, String remark) {
        return RemotingCommand.responseTo(request, code, remark);
    }

    /** The request's JSON body as {@code type}; a missing or malformed body fails with a message saying so. */
    public static <T> T body(RemotingCommand request, Class<T> type) throws RemotingCommandException {
        byte[] body = request.getBody();
        if (body == null || body.length == 0) {
            throw new RemotingCommandException("request body is missing, expected " + type.getSimpleName());
        }
        try {
            return Json.parse(body, type);
        } catch (IllegalArgumentException e) {
            throw new RemotingCommandException("request body is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
