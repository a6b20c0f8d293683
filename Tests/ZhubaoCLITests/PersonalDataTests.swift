import Foundation
import GRDB
import Testing
import ZhubaoCore

/// outputs.md: personal data is masked in every human-readable output, never in a log line or a
/// reason file — checked over a generated city with every fault the generator knows (issue 12),
/// run as an operator would run it (`zhubao demo`, debug logging on).
@Suite struct PersonalDataTests {
    /// The text of every entry of an .xlsx (`unzip -p`).
    func xlsxText(_ url: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = ["-p", url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Every file under `folder` whose name passes `keep`.
    func files(under folder: URL, _ keep: (String) -> Bool) -> [URL] {
        let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        return (walker?.allObjects as? [URL] ?? []).filter { keep($0.lastPathComponent) }
    }

    @Test func noOutputLogOrReasonFileShowsAnIDNameOrAccountInFull() throws {
        let root = temporaryRoot().appendingPathComponent("demo")
        let demo = try ZhubaoProcess.run(["demo", "--root", root.path, "--borrowers", "20"], environment: ["ZHUBAO_LOG_LEVEL": "debug"])
        #expect(demo.status == 0, "\(demo.stderr.suffix(2000))")
        // The people of the city, from the store (the machine-readable side carries them in full).
        let store = try Store.open(path: root.appendingPathComponent("state/zhubao.sqlite").path)
        let (ids, names, accounts) = try store.database.read { db in
            let ids = try String.fetchAll(db, sql: """
                SELECT idNumber FROM drawdown UNION SELECT idNumber FROM receipt UNION SELECT idNumber FROM participant
                UNION SELECT idNumber FROM bankTransaction UNION SELECT idNumber FROM claimLine
                """) + HardshipChunkRecord.storedRows(db).map(\.idNumber)
            let names = try String.fetchAll(db, sql: "SELECT name FROM drawdown UNION SELECT name FROM receipt UNION SELECT name FROM participant")
            let accounts = try String.fetchAll(db, sql: "SELECT sscAccount FROM participant UNION SELECT account FROM bankTransaction")
            return (Set(ids.filter { $0.count == 18 }), Set(names.filter { $0.count >= 2 }), Set(accounts.filter { $0.count >= 12 }))
        }
        #expect(ids.count >= 20 && names.count >= 20 && accounts.count >= 10)

        var texts: [(String, String)] = [("the log", demo.stderr + demo.stdout)]
        for url in files(under: root.appendingPathComponent("out"), { $0.hasSuffix(".html") || $0.hasSuffix(".csv") }) {
            texts.append((url.path, try String(contentsOf: url, encoding: .utf8)))
        }
        for url in files(under: root.appendingPathComponent("out"), { $0.hasSuffix(".xlsx") }) {
            texts.append((url.path, try xlsxText(url)))
        }
        for url in files(under: root.appendingPathComponent("quarantine"), { $0.hasSuffix(".reason.txt") }) {
            texts.append((url.path, try String(contentsOf: url, encoding: .utf8)))
        }
        #expect(texts.count > 100, "the demo wrote its daily reports, claims and reason files")
        #expect(texts.contains { $0.0.hasSuffix(".reason.txt") })
        // The reports do show the people — masked: the first 6 and last 4 of an ID number.
        let masked = ids.map { "\($0.prefix(6))********\($0.suffix(4))" }
        #expect(texts.contains { text in masked.contains { text.1.contains($0) } })
        for (path, text) in texts {
            for id in ids where text.contains(id) { Issue.record("\(path) shows an ID number in full (\(id.prefix(6))…)") }
            for name in names where text.contains(name) { Issue.record("\(path) shows a name in full (\(name.prefix(1))…)") }
            for account in accounts where text.contains(account) { Issue.record("\(path) shows an account in full (…\(account.suffix(4)))") }
        }
    }
}
