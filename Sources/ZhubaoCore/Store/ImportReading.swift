import Foundation
import GRDB
import GRDBSQLite
import ZhubaoSystem

/// The sink an importer writes to on the reading thread: rows are encoded into batches
/// (`EncodedRows`) and handed to the writing side. A record whose row id the importer needs
/// waits for its insert.
package struct ForwardingSink: RecordSink {
    static let batchSize = 1024
    /// A batch is handed over at 16 MiB of text too, whatever its rows: memory stays bounded
    /// and offsets into the batch fit in 32 bits.
    static let batchBytes = 16 << 20
    /// The file's id on the reading side, which may start before the store gives it one: the
    /// store binds the real one to every row it writes (`PreparedInsert`, `StoreSink.insert`).
    static let unknownFile: Int64 = 0
    package let fileId: Int64
    let channel: RowChannel
    /// The batch being encoded, of the type `rowsType`; `send` hands it over.
    private var rows: EncodedRows?
    private var rowsType: ObjectIdentifier?
    private var send: ((EncodedRows) throws -> Void)?

    init(fileId: Int64, channel: RowChannel) {
        self.fileId = fileId
        self.channel = channel
    }

    package mutating func insertRow<R: FastInsertable>(_ record: R) throws {
        try insertRow(as: R.self) { record.bind(to: &$0) }
    }

    package mutating func insertRow<R: FastInsertable>(as type: R.Type, encoding body: (inout InsertRow) -> Void) throws {
        if rowsType != ObjectIdentifier(R.self) {
            try flush()
            rows = EncodedRows(columns: R.insertColumns.count)
            rowsType = ObjectIdentifier(R.self)
            let channel = self.channel
            send = { batch in try channel.put { sink in try sink.insertRows(batch, as: R.self) } }
        }
        try rows!.append(as: R.self, body)
        if rows!.count >= Self.batchSize || rows!.textBytes >= Self.batchBytes { try flush() }
    }

    package mutating func insert<R: MutablePersistableRecord>(_ record: inout R) throws {
        try flush()
        let box = RecordBox(record)
        try channel.putAndWait { sink in try sink.insert(&box.record) }
        record = box.record
    }

    package mutating func whereRowsGo(_ work: @escaping (inout any RecordSink) throws -> Void) throws {
        try flush()
        try channel.put { sink in try sink.runHere(work) }
    }

    package mutating func settle() throws {
        try flush()
        try channel.putAndWait { _ in }
    }

    package mutating func discardRows() throws {
        rows = rows.map { EncodedRows(columns: $0.columns) }  // not handed over yet: dropped here
        try channel.putAndWait { sink in try sink.discardRows() }
    }

    /// Hands over the rows encoded so far.
    mutating func flush() throws {
        guard let batch = rows, batch.count > 0, let send else { return }
        rows = EncodedRows(columns: batch.columns)
        try send(batch)
    }
}

/// A record inserted on the writing side and handed back with its row id.
private final class RecordBox<R>: @unchecked Sendable {
    var record: R
    init(_ record: R) { self.record = record }
}

extension Store {
    /// `importFile(_:body:)` with the file read on a thread of its own (`ImportBatch.importFile(_:readingAhead:)`).
    package func importFile(_ file: InputFileRecord,
                           readingAhead body: @escaping @Sendable (inout ForwardingSink) throws -> ImportOutcome) throws -> (InputFileRecord, ImportOutcome) {
        try inBatch { batch in try batch.importFile(file, readingAhead: body) }
    }
}

extension ImportBatch {
    /// `importFile(_:body:)` with the file read on a thread of its own: `body` writes through a
    /// `ForwardingSink`, and this thread inserts the batches in the file's savepoint. Same
    /// guarantees: whole or nothing, nothing of a rejected file kept, the rows in file order.
    package func importFile(_ file: InputFileRecord,
                           readingAhead body: @escaping @Sendable (inout ForwardingSink) throws -> ImportOutcome) throws -> (InputFileRecord, ImportOutcome) {
        try importFile(file, reading: ImportReading(body))
    }

    /// `importFile(_:readingAhead:)` with a reading already under way (started before the
    /// file had its registry row: the store binds the file's id to each row). The reading is
    /// cancelled when the file's savepoint fails before it finished.
    package func importFile(_ file: InputFileRecord, reading: ImportReading) throws -> (InputFileRecord, ImportOutcome) {
        do {
            return try importFile(file) { sink in
                var taken = 0
                while let batch = reading.channel.take() {
                    try batch(&sink)
                    reading.channel.ran()
                    taken += 1
                    if taken % Self.writebackBatches == 0 { startWALWriteback() }
                }
                return try reading.reader.wait()
            }
        } catch {
            reading.cancel()
            throw error
        }
    }
}

/// An importer reading a file on a thread of its own into a bounded channel of row batches,
/// for `ImportBatch.importFile(_:reading:)` to write. Its rows carry no file id (the store
/// binds it), so it may start before the file is recorded; one not wanted is `cancel`led.
package final class ImportReading: Sendable {
    let channel: RowChannel
    /// The importer on its thread (a `Background`, its stack as big as a main thread's: libxml2
    /// and iconv run there); its outcome once the channel has said it finished.
    let reader: Background<ImportOutcome>

    package init(_ body: @escaping @Sendable (inout ForwardingSink) throws -> ImportOutcome) {
        let channel = RowChannel()
        self.channel = channel
        reader = Background {
            defer { channel.finish() }  // on every path
            var sink = ForwardingSink(fileId: ForwardingSink.unknownFile, channel: channel)
            let outcome = try body(&sink)
            try sink.flush()
            return outcome
        }
    }

    /// Stops the reading (its next hand-over throws) and waits until its thread has finished.
    package func cancel() { channel.cancelAndWait() }
}

extension ImportBatch {
    /// A big file's pages spill from SQLite's cache into the WAL as it is imported; every this
    /// many batches handed over (some megabytes of WAL), their writeback is started, so that the
    /// sync at the commit does not find the whole file's worth still to write.
    static let writebackBatches = 128

    private func startWALWriteback() {
        guard let connection = db.sqliteConnection, let name = sqlite3_db_filename(connection, "main") else { return }
        let path = String(cString: name)
        if !path.isEmpty { Writeback.start(path: path + "-wal") }
    }
}
