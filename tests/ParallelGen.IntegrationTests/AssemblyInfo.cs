// The integration tests build the repository's projects with the dotnet CLI; run them one at a time so two builds
// never write the same obj/ folder at once.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
