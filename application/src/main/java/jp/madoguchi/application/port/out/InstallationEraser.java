package jp.madoguchi.application.port.out;

import java.io.IOException;
import java.util.List;

/**
 * Destroys an installation's data at the end of the contract: the database, the keys, the backups and archives it
 * knows, its exports and logs. Each is listed before anything is destroyed, so the certificate names what was there.
 */
public interface InstallationEraser {

    /** What there is to destroy, without touching it; refuses while the database is in use. */
    List<Item> survey() throws IOException;

    /** Destroys the items surveyed, keys last but after the data they open. */
    void destroy(List<Item> items) throws IOException;

    /**
     * One thing to destroy.
     *
     * @param kind   データベース, 鍵, バックアップ, 連携ファイルの保管, 出力, ログ
     * @param where  a folder or the database's address (no password)
     * @param method how it is destroyed (削除; 鍵は乱数で上書きしてから削除; the database's objects dropped)
     */
    record Item(String kind, String where, long files, long bytes, String method) {
    }
}
