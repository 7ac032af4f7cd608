package io.apogee.store.file;

import java.io.File;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A directory of equally sized {@link MappedFile}s forming one logical byte sequence; file
 * names are start offsets. Appends always go to the last file.
 */
public final class MappedFileQueue implements FlushableLog {
    private static final Logger LOG = LoggerFactory.getLogger(MappedFileQueue.class);

    private final File dir;
    private final int fileSize;
    private final TransientStorePool pool;
    private final CopyOnWriteArrayList<MappedFile> files = new CopyOnWriteArrayList<>();

    public MappedFileQueue(File dir, int fileSize, TransientStorePool pool) {
        this.dir = dir;
        this.fileSize = fileSize;
        this.pool = pool;
    }

    public int getFileSize() {
        return fileSize;
    }

    /**
     * Maps the files already on disk, all marked fully written (recovery then finds the real end).
     * A file shorter than the configured size (cut by a crash or by hand) is extended with zeros
     * so recovery sees where its data stops.
     */
    public void load() throws IOException {
        File[] existing = dir.listFiles((d, name) -> name.matches("\\d{20}"));
        if (existing == null) {
            return;
        }
        Arrays.sort(existing);
        for (File f : existing) {
            if (f.length() != fileSize) {
                LOG.warn("{} has length {} instead of {}; mapping it at full size", f, f.length(), fileSize);
            }
            MappedFile mf = new MappedFile(f, fileSize);
            mf.setPositions(fileSize);
            files.add(mf);
        }
    }

    public List<MappedFile> getFiles() {
        return files;
    }

    public boolean isEmpty() {
        return files.isEmpty();
    }

    public MappedFile getFirstFile() {
        try {
            return files.isEmpty() ? null : files.get(0);
        } catch (IndexOutOfBoundsException e) {
            return null;
        }
    }

    public MappedFile getLastFile() {
        while (!files.isEmpty()) {
            try {
                return files.get(files.size() - 1);
            } catch (IndexOutOfBoundsException e) {
                // a concurrent delete shrank the list; look again
            }
        }
        return null;
    }

    /**
     * The file to append to: the last one unless it is full or absent, in which case a new file
     * starting at {@code startOffset} (when empty) or after the last is created.
     */
    public MappedFile getLastFileForAppend(long startOffset) throws IOException {
        MappedFile last = getLastFile();
        if (last != null && !last.isFull()) {
            return last;
        }
        long from = last == null ? startOffset - startOffset % fileSize : last.getFileFromOffset() + fileSize;
        MappedFile created = new MappedFile(new File(dir, MappedFile.fileName(from)), fileSize);
        if (pool != null) {
            created.useWriteBuffer(pool);
        }
        files.add(created);
        return created;
    }

    /** The file holding {@code offset}, or null (also when it has been deleted). */
    public MappedFile findFileByOffset(long offset) {
        MappedFile first = getFirstFile();
        if (first == null || offset < first.getFileFromOffset()) {
            return null;
        }
        int index = (int) ((offset - first.getFileFromOffset()) / fileSize);
        try {
            MappedFile mf = files.get(index);
            if (offset >= mf.getFileFromOffset() && offset < mf.getFileFromOffset() + fileSize) {
                return mf;
            }
        } catch (IndexOutOfBoundsException e) {
            // fall through to the scan
        }
        for (MappedFile mf : files) {
            if (offset >= mf.getFileFromOffset() && offset < mf.getFileFromOffset() + fileSize) {
                return mf;
            }
        }
        return null;
    }

    /** Readable bytes from {@code offset} to the end of its file's readable data, or null. */
    public ReadRegion readFrom(long offset) {
        MappedFile file = findFileByOffset(offset);
        if (file == null || !file.hold()) {
            return null;
        }
        int pos = (int) (offset - file.getFileFromOffset());
        ByteBuffer view = file.sliceHeld(pos, Math.max(0, file.getReadPosition() - pos));
        if (view == null) {
            file.release();
            return null;
        }
        return new ReadRegion(file, view, offset);
    }

    public long getMinOffset() {
        MappedFile first = getFirstFile();
        return first == null ? 0 : first.getFileFromOffset();
    }

    /** Offset just past the last readable byte. */
    public long getMaxOffset() {
        MappedFile last = getLastFile();
        return last == null ? 0 : last.getFileFromOffset() + last.getReadPosition();
    }

    /** Offset just past the last appended byte (may exceed {@link #getMaxOffset()} with a write buffer). */
    public long getMaxWrotePosition() {
        MappedFile last = getLastFile();
        return last == null ? 0 : last.getFileFromOffset() + last.getWrotePosition();
    }

    @Override
    public long getFlushedWhere() {
        for (int i = files.size() - 1; i >= 0; i--) {
            MappedFile mf = files.get(i);
            if (mf.getFlushedPosition() > 0 || i == 0) {
                return mf.getFileFromOffset() + mf.getFlushedPosition();
            }
        }
        return 0;
    }

    /**
     * Flushes every file with unflushed data; returns true if anything was flushed. With
     * {@code leastPages} &gt; 0, a file is only flushed when that much is waiting (full files always).
     */
    @Override
    public boolean flush(int leastPages) {
        boolean any = false;
        for (MappedFile mf : files) {
            int before = mf.getFlushedPosition();
            if (before < mf.getReadPosition()) {
                any |= mf.flush(leastPages) != before;
            }
        }
        return any;
    }

    /** Commits write buffers into files; returns true if anything was committed. */
    public boolean commit(int leastPages) {
        boolean any = false;
        for (MappedFile mf : files) {
            int before = mf.getReadPosition();
            if (before < mf.getWrotePosition()) {
                any |= mf.commit(leastPages) != before;
            }
        }
        return any;
    }

    /**
     * Makes {@code offset} the new end: later files are deleted, the file containing it is cut
     * there and its stale tail zeroed. For recovery, before anything reads the files.
     */
    public void truncateTo(long offset) {
        List<MappedFile> doomed = new ArrayList<>();
        for (MappedFile mf : files) {
            long end = mf.getFileFromOffset() + fileSize;
            if (end <= offset) {
                continue;
            }
            // An emptied first file is kept so the queue remembers where it starts.
            if (mf.getFileFromOffset() < offset || mf == files.get(0)) {
                int pos = (int) Math.max(0, offset - mf.getFileFromOffset());
                mf.setPositions(pos);
                mf.zeroFrom(pos);
            } else {
                doomed.add(mf);
            }
        }
        for (MappedFile mf : doomed) {
            mf.destroy();
            files.remove(mf);
        }
    }

    /** Deletes leading files matching {@code expired}, never the last file; returns how many went. */
    public int deleteLeading(Predicate<MappedFile> expired, int maxFiles) {
        int deleted = 0;
        for (MappedFile mf : files) {
            if (deleted >= maxFiles || mf == getLastFile() || !expired.test(mf)) {
                break;
            }
            if (mf.destroy()) {
                files.remove(mf);
                deleted++;
            } else {
                break;
            }
        }
        return deleted;
    }

    /** Deletes all files and the directory contents. */
    public void destroyAll() {
        for (MappedFile mf : files) {
            mf.destroy();
        }
        files.clear();
        File[] rest = dir.listFiles();
        if (rest == null || rest.length == 0) {
            dir.delete();
        }
    }

    public void shutdown() {
        for (MappedFile mf : files) {
            mf.close();
        }
    }
}
