// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "zhubao",
    platforms: [.macOS(.v13)],
    // The product is the command. The libraries (ZhubaoSystem, ZhubaoCore, ZhubaoGenerate) are
    // layers of this package: their declarations are `package` or internal, none `public`
    // (docs/architecture.md, "Access").
    products: [
        .executable(name: "zhubao", targets: ["zhubao"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CZlibSystem",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // The C libraries and the POSIX calls behind Swift types without a C pointer in
        // their interface; the streaming readers; `Diagnostic`.
        .target(
            name: "ZhubaoSystem",
            dependencies: ["CLibXML2", "CZlibSystem"]
        ),
        .target(
            name: "ZhubaoCore",
            dependencies: [
                "ZhubaoSystem",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "TOMLKit", package: "TOMLKit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            resources: [.copy("Resources/reference"), .copy("Resources/schemas")]
        ),
        // The generator of realistic input files and the demo, over ZhubaoCore's reference data.
        .target(
            name: "ZhubaoGenerate",
            dependencies: [
                "ZhubaoCore",
                "ZhubaoSystem",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "zhubao",
            dependencies: [
                "ZhubaoCore",
                "ZhubaoGenerate",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .testTarget(
            name: "ZhubaoCoreTests",
            dependencies: ["ZhubaoCore", "ZhubaoSystem", "ZhubaoGenerate"]
        ),
        .testTarget(
            name: "ZhubaoCLITests",
            dependencies: ["ZhubaoCore", "ZhubaoSystem"]
        ),
    ]
)
