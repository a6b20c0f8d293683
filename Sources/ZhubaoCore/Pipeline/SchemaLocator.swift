import Foundation

/// Finds the project's `schemas/` folder: `$ZHUBAO_SCHEMAS`, else the shipped copy in the
/// library's resources.
package enum SchemaLocator {
    package static func directory() -> URL? {
        if let path = ProcessInfo.processInfo.environment["ZHUBAO_SCHEMAS"] {
            return URL(fileURLWithPath: path, isDirectory: true)
        }
        return Bundle.module.url(forResource: "schemas", withExtension: nil)
    }
}
