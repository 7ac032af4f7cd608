package io.apogee.store.cleanup;

import java.io.File;

/** How full the disk holding a path is, in percent. Injectable so tests can simulate a full disk. */
@FunctionalInterface
public interface DiskUsage {
    /** The real file system's usage. */
    DiskUsage FILE_SYSTEM = path -> {
        File f = new File(path);
        while (f != null && !f.exists()) {
            f = f.getParentFile();
        }
        if (f == null || f.getTotalSpace() == 0) {
            return 0;
        }
        return 100.0 * (f.getTotalSpace() - f.getUsableSpace()) / f.getTotalSpace();
    };

    double usedPercent(String path);
}
