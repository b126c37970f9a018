import FollowUpCLI
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

exit(CommandLineRunner.run(Array(CommandLine.arguments.dropFirst())))
