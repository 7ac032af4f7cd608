package io.apogee.remoting.netty;

import io.apogee.remoting.codec.FrameCodec;
import io.apogee.remoting.protocol.RemotingCommand;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;

/** A plain blocking socket for sending exactly the bytes a test wants, well-formed or not. */
final class RawConnection implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    RawConnection(int port) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(5_000);
        in = new DataInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void send(RemotingCommand cmd) throws IOException {
        ByteBuf frame = FrameCodec.encode(cmd, io.netty.buffer.UnpooledByteBufAllocator.DEFAULT);
        try {
            send(ByteBufUtil.getBytes(frame));
        } finally {
            frame.release();
        }
    }

    void endOutput() throws IOException {
        socket.shutdownOutput();
    }

    RemotingCommand receive() throws Exception {
        int length = in.readInt();
        byte[] frame = new byte[length];
        in.readFully(frame);
        return FrameCodec.decode(Unpooled.wrappedBuffer(frame));
    }

    /** True when the server closed the connection (end of stream or reset) before sending anything more. */
    boolean closedByPeer() {
        try {
            return in.read() == -1;
        } catch (EOFException e) {
            return true;
        } catch (IOException e) {
            return !e.getClass().getSimpleName().contains("Timeout");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
