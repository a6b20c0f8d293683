import ArgumentParser
import Foundation
import Logging
import ZhubaoCore

/// sysexits codes of outputs.md "Exit codes".
enum Exit {
    static let ok: Int32 = 0
    static let usage: Int32 = 64
    static let dataRejected: Int32 = 65
    static let software: Int32 = 70
    static let ioError: Int32 = 74
    static let locked: Int32 = 75

    /// Runs a command body and turns what it throws into the documented exit code, with one
    /// log line on standard error.
    /// `registry`, when given, records the exit code of the command (issue 16's run registry).
    /// `after`, when given, sees the exit code before the command exits (the run's metrics).
    static func guarding(_ logger: Logger, registry: RunRegistry? = nil, after: ((Int32) -> Void)? = nil,
                         _ body: () throws -> Int32) throws {
        let code: Int32
        do {
            code = try body()
        } catch let error where SystemFault.isLockHeld(error) {
            logger.warning("另一次运行持有锁，本次未做任何事，请稍后再试（another run holds the lock）", metadata: ["lock": "\(error)"])
            code = locked
        } catch let error as ConfigError {
            logger.error("\(error.description)")
            code = usage
        } catch let error as StoreStateError {
            logger.error("\(error.description)")
            code = ioFault
        } catch let error where StoredValueError(decoding: error) != nil {
            // A damaged store (outputs.md: 74), named by table and column, never the row it holds.
            logger.error("\(StoredValueError(decoding: error)!)")
            code = ioError
        } catch let error as ExitCode {
            registry?.finish(exitCode: error.rawValue)
            after?(error.rawValue)
            throw error
        } catch let error where SystemFault.message(for: error) != nil {
            // The environment, not zhubao: a full disk, a folder it cannot write, a missing store.
            logger.error("\(SystemFault.message(for: error)!)")
            code = ioError
        } catch {
            logger.error("zhubao 内部错误，请报告给维护人员（internal error: \(String(describing: error))）")
            code = software
        }
        registry?.finish(exitCode: code)
        after?(code)
        if code != ok { throw ExitCode(code) }
    }
}

extension Exit {
    /// A refusal of the job (`error`), said on standard output, where its description may name
    /// personal data (a key, a loan): the log gets `logLine` instead, or the description itself
    /// when it names none. Returns `code`.
    static func refused(_ error: CustomStringConvertible, logLine: String? = nil, logger: Logger, code: Int32 = usage) -> Int32 {
        print(error.description)
        logger.error("\(logLine ?? error.description)")
        return code
    }
}

/// Logging is bootstrapped once, here in the executable; libraries only take a `Logger`.
enum Log {
    nonisolated(unsafe) private static var bootstrapped = false

    static func make(_ label: String = "zhubao") -> Logger {
        if !bootstrapped {
            bootstrapped = true
            LoggingSystem.bootstrap { label in
                var handler = StreamLogHandler.standardError(label: label)
                let level = ProcessInfo.processInfo.environment["ZHUBAO_LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:))
                handler.logLevel = level ?? .info
                return handler
            }
        }
        return Logger(label: label)
    }
}
