using Microsoft.Data.Sqlite;

namespace Pipeline.Storage.Sqlite;

/// <summary>Creates and migrates the SQLite schema. Each migration runs once, in order, recorded in <c>PRAGMA user_version</c>.</summary>
internal static class SqliteSchema
{
    private static readonly string[] Migrations =
    [
        """
        CREATE TABLE documents(
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            id TEXT NOT NULL UNIQUE,
            source_kind TEXT NOT NULL,
            source_uri TEXT NOT NULL UNIQUE,
            source_name TEXT NOT NULL,
            source_host TEXT,
            title TEXT NOT NULL,
            text TEXT NOT NULL,
            language TEXT,
            author TEXT,
            site_name TEXT,
            published INTEGER,
            fetched_at INTEGER NOT NULL,
            stored_at INTEGER NOT NULL,
            version INTEGER NOT NULL,
            content_hash TEXT NOT NULL,
            entities TEXT NOT NULL,
            removed TEXT NOT NULL);
        CREATE INDEX ix_documents_content_hash ON documents(content_hash);
        CREATE INDEX ix_documents_published ON documents(published);
        CREATE INDEX ix_documents_stored_at ON documents(stored_at);
        CREATE INDEX ix_documents_source_host ON documents(source_host);
        CREATE INDEX ix_documents_date ON documents(coalesce(published, stored_at), seq);
        CREATE VIRTUAL TABLE documents_fts USING fts5(
            title, text, content='documents', content_rowid='seq', tokenize='porter unicode61 remove_diacritics 2');
        CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
            INSERT INTO documents_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
        END;
        CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
            INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
            DELETE FROM entity_keys WHERE seq = old.seq;
        END;
        CREATE TABLE entity_keys(
            type TEXT NOT NULL,
            value TEXT NOT NULL,
            seq INTEGER NOT NULL,
            mentions INTEGER NOT NULL,
            PRIMARY KEY(type, value, seq)) WITHOUT ROWID;
        CREATE INDEX ix_entity_keys_seq ON entity_keys(seq, type);
        CREATE TABLE duplicates(
            id TEXT PRIMARY KEY,
            source_kind TEXT NOT NULL,
            source_uri TEXT NOT NULL,
            source_name TEXT NOT NULL,
            duplicate_of TEXT NOT NULL,
            content_hash TEXT NOT NULL,
            version INTEGER NOT NULL,
            recorded_at INTEGER NOT NULL);
        CREATE TABLE crawls(
            name TEXT PRIMARY KEY,
            definition TEXT NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE TABLE fetch_state(
            url TEXT PRIMARY KEY,
            crawl_name TEXT NOT NULL,
            next_due_at INTEGER,
            parked INTEGER NOT NULL,
            state TEXT NOT NULL);
        CREATE INDEX ix_fetch_state_due ON fetch_state(crawl_name, parked, next_due_at);
        """,

        // v2: the source filter ORs kind, host and name; with each indexed SQLite answers it from the indexes.
        """
        CREATE INDEX ix_documents_source_kind ON documents(source_kind);
        CREATE INDEX ix_documents_source_name ON documents(source_name);
        """,

        // v3: display names (each document's most frequent surface form of an entity, counted over documents),
        // the last run of each crawl, and the outcomes of submitted documents.
        """
        ALTER TABLE entity_keys ADD COLUMN display TEXT;
        CREATE TABLE entity_names(
            type TEXT NOT NULL,
            value TEXT NOT NULL,
            display TEXT NOT NULL,
            documents INTEGER NOT NULL,
            PRIMARY KEY(type, value, display)) WITHOUT ROWID;
        CREATE TRIGGER entity_keys_ai AFTER INSERT ON entity_keys WHEN new.display IS NOT NULL BEGIN
            INSERT INTO entity_names(type, value, display, documents) VALUES (new.type, new.value, new.display, 1)
            ON CONFLICT(type, value, display) DO UPDATE SET documents = documents + 1;
        END;
        CREATE TRIGGER entity_keys_ad AFTER DELETE ON entity_keys WHEN old.display IS NOT NULL BEGIN
            UPDATE entity_names SET documents = documents - 1 WHERE type = old.type AND value = old.value AND display = old.display;
        END;
        CREATE TABLE crawl_runs(
            name TEXT PRIMARY KEY,
            run TEXT NOT NULL);
        CREATE TABLE outcomes(
            id TEXT PRIMARY KEY,
            recorded_at INTEGER NOT NULL,
            outcome TEXT NOT NULL);
        CREATE INDEX ix_outcomes_recorded_at ON outcomes(recorded_at);
        """,

        // v4: documents from files carry their format, page ranges and, inside an archive or e-mail, their container.
        """
        ALTER TABLE documents ADD COLUMN format TEXT;
        ALTER TABLE documents ADD COLUMN pages TEXT;
        ALTER TABLE documents ADD COLUMN source_parent TEXT;
        """,

        // v5: each site's template as the cleaner learns it: documents counted, hashed lines with their counts, and
        // the keys of the documents counted (so a re-fetch is not counted twice).
        """
        CREATE TABLE template_sites(
            site TEXT PRIMARY KEY,
            documents INTEGER NOT NULL,
            updated_at INTEGER NOT NULL);
        CREATE TABLE template_lines(
            site TEXT NOT NULL,
            hash INTEGER NOT NULL,
            count INTEGER NOT NULL,
            first_seen INTEGER NOT NULL,
            last_seen INTEGER NOT NULL,
            PRIMARY KEY(site, hash)) WITHOUT ROWID;
        CREATE TABLE template_documents(
            site TEXT NOT NULL,
            document INTEGER NOT NULL,
            seen_at INTEGER NOT NULL,
            PRIMARY KEY(site, document)) WITHOUT ROWID;
        CREATE INDEX ix_template_documents_seen ON template_documents(site, seen_at);
        """,
    ];

    /// <summary>The schema version this code writes.</summary>
    public static int CurrentVersion => Migrations.Length;

    public static void Migrate(SqliteConnection connection)
    {
        Execute(connection, "PRAGMA journal_mode = WAL;");
        using var transaction = connection.BeginTransaction();
        var version = Convert.ToInt32(Scalar(connection, transaction, "PRAGMA user_version;"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > Migrations.Length)
        {
            throw new InvalidOperationException(
                $"The database has schema version {version}, newer than this program's {Migrations.Length}. Upgrade the program.");
        }

        for (var i = version; i < Migrations.Length; i++)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = Migrations[i] + $"\nPRAGMA user_version = {i + 1};";
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, SqliteTransaction transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
