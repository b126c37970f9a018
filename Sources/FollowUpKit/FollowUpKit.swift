// FollowUpKit: the library, as one product over its floors. Each floor is a target of its own,
// and the compiler holds the arrows down (docs/architecture.md):
//
//   FollowUpPublishing   (the static site: reports and pages as files)
//   FollowUpRendering, FollowUpBootstrap
//   FollowUpImport · FollowUpExchange · FollowUpReports · FollowUpReference   (slices: never each other)
//   FollowUpStore   (the only target that imports GRDB)
//   FollowUpModel   (domain types and text utilities)
//
// A program that uses the library imports FollowUpKit and sees the public API of every floor.

@_exported import FollowUpBootstrap
@_exported import FollowUpExchange
@_exported import FollowUpImport
@_exported import FollowUpModel
@_exported import FollowUpPublishing
@_exported import FollowUpReference
@_exported import FollowUpRendering
@_exported import FollowUpReports
@_exported import FollowUpStore
