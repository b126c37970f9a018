// swift-tools-version:6.1
import PackageDescription

/// Members of a module are visible only where it is imported (SE-0444): a slice that does not
/// import GRDB cannot call GRDB's methods on the values the store hands it.
let strict: [SwiftSetting] = [.enableUpcomingFeature("MemberImportVisibility")]

let package = Package(
    name: "FollowUp",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "FollowUpKit", targets: ["FollowUpKit"]),
        .executable(name: "followup", targets: ["followup"]),
        .executable(name: "followup-bench", targets: ["FollowUpBench"]),
        .executable(name: "followup-server", targets: ["followup-server"]),
        .executable(name: "followup-floor-server", targets: ["FollowUpFloorServer"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
        // Only its bcrypt module is used (password hashes); it builds alone, without Hummingbird.
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth", from: "2.5.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        // Word .docx files are ZIP archives: read in-process, with a limit on what is inflated.
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        // The server's multipart form uploads (a filled-in questionnaire).
        .package(url: "https://github.com/vapor/multipart-kit", from: "4.7.1"),
    ],
    targets: [
        // The bundled reference data and seed documents, compiled into the binary so that a
        // `followup` copied on its own still initialises a database. Kept in its own module so
        // that editing the library does not recompile the embedded bytes.
        .target(
            name: "FollowUpSeeds",
            path: "Seeds",
            exclude: ["README.md"],
            sources: ["SeedFiles.swift"],
            resources: [
                .embedInCode("un-member-states.csv"),
                .embedInCode("entities.csv"),
                .embedInCode("state-aliases.csv"),
                .embedInCode("un-names.csv"),
                .embedInCode("documents.csv"),
                .embedInCode("E-2020-31.zh.txt"),
                .embedInCode("sg-report-sti-2021.zh.txt"),
                .embedInCode("progress.csv"),
            ]
        ),
        // The library's floors, each a target whose dependencies point only down
        // (docs/architecture.md). Floor 0: domain types and text utilities.
        .target(name: "FollowUpModel", swiftSettings: strict),
        // Floor 1: the database. The only target that imports GRDB; the slices above reach the
        // database through its typed operations, never through SQL.
        .target(
            name: "FollowUpStore",
            dependencies: [
                "FollowUpModel",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
            ],
            swiftSettings: strict
        ),
        // Floor 2: the feature slices, which never depend on each other.
        .target(
            name: "FollowUpImport",
            dependencies: [
                "FollowUpModel", "FollowUpStore", .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict),
        .target(name: "FollowUpExchange", dependencies: ["FollowUpModel", "FollowUpStore"], swiftSettings: strict),
        .target(name: "FollowUpReports", dependencies: ["FollowUpModel", "FollowUpStore"], swiftSettings: strict),
        .target(
            name: "FollowUpReference", dependencies: ["FollowUpModel", "FollowUpStore", "FollowUpSeeds"],
            swiftSettings: strict),
        // Floor 3: one set-up for init, demo and tests, from the slices.
        .target(
            name: "FollowUpBootstrap",
            dependencies: [
                "FollowUpModel", "FollowUpStore", "FollowUpImport", "FollowUpExchange", "FollowUpReference",
                "FollowUpSeeds",
            ],
            swiftSettings: strict
        ),
        // Floor 3, beside the set-up: what a report or a listing looks like in each format. Reads no database.
        .target(
            name: "FollowUpRendering",
            dependencies: [
                "FollowUpModel", "FollowUpReports", "FollowUpExchange",
                // A Word report is a ZIP archive of XML parts.
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            swiftSettings: strict),
        // Floor 4: the published site (`followup publish`): the reports and pages as static files.
        .target(
            name: "FollowUpPublishing",
            dependencies: [
                "FollowUpModel", "FollowUpStore", "FollowUpExchange", "FollowUpReports", "FollowUpRendering",
            ],
            swiftSettings: strict),
        // The library as one product: every floor, re-exported.
        .target(
            name: "FollowUpKit",
            dependencies: [
                "FollowUpModel", "FollowUpStore", "FollowUpImport", "FollowUpExchange", "FollowUpReports",
                "FollowUpReference", "FollowUpBootstrap", "FollowUpRendering", "FollowUpPublishing",
            ]
        ),
        // The command-line interface: one ArgumentParser command per file.
        .target(
            name: "FollowUpCLI",
            dependencies: [
                "FollowUpKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "followup", dependencies: ["FollowUpCLI"]),
        // The web application (`followup serve` runs `followup-server`): Hummingbird and its
        // dependencies are built for these targets only, never for the library or the CLI.
        .target(
            name: "FollowUpServer",
            dependencies: [
                "FollowUpKit", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdAuth", package: "hummingbird-auth"),
                .product(name: "MultipartKit", package: "multipart-kit"),
            ]
        ),
        .executableTarget(
            name: "followup-server",
            dependencies: [
                "FollowUpServer", "FollowUpKit", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The floor of the load test (Scripts/load-test.py): one Hummingbird route, one INSERT.
        .executableTarget(
            name: "FollowUpFloorServer",
            dependencies: [
                .product(name: "Hummingbird", package: "hummingbird"), .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // Generates the synthetic dataset the benchmark runs on (Scripts/benchmark.sh).
        .executableTarget(
            name: "FollowUpBench",
            dependencies: [
                "FollowUpKit", "FollowUpTestSupport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // The in-process floor: SQLite's own time for the same SQL.
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        // The tests' tiers (fast, process, browser, corpus, slow) as Swift Testing tags.
        .target(name: "FollowUpTestTiers"),
        // Fixtures, a fixed clock, throw-away databases and an in-process CLI runner for tests.
        .target(name: "FollowUpTestSupport", dependencies: ["FollowUpKit", "FollowUpCLI"]),
        .testTarget(
            name: "FollowUpKitTests",
            dependencies: [
                "FollowUpTestTiers",
                "FollowUpKit", "FollowUpTestSupport", "FollowUpModel", "FollowUpStore", "FollowUpImport",
                "FollowUpExchange", "FollowUpReports",
                "FollowUpReference", "FollowUpBootstrap", "FollowUpRendering", "FollowUpPublishing",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "FollowUpServerTests",
            dependencies: [
                "FollowUpTestTiers",
                "FollowUpServer", "FollowUpKit", "FollowUpTestSupport",
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]
        ),
        .testTarget(
            name: "FollowUpCLITests",
            dependencies: [
                "FollowUpTestTiers",
                "FollowUpCLI", "FollowUpKit", "FollowUpTestSupport", "FollowUpModel", "FollowUpStore", "FollowUpImport",
                "FollowUpExchange", "FollowUpReports",
                "FollowUpReference", "FollowUpBootstrap", "FollowUpRendering",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            exclude: ["__Snapshots__"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
