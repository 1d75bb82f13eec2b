using ParallelGen.Shared;

namespace ParallelGen.Generator.Tests;

/// <summary>The wrappers' prefix rule, shared by the generator and the analyzers.</summary>
public class WrapperPrefixTests
{
    [Theory]
    [InlineData("FetchAsync", null, true, "", "Fetch")] // .NET's suffix of awaitable methods is left out
    [InlineData("FetchAsync", null, true, "Fetch", "FetchAsync")] // ... unless the type has a member of that name
    [InlineData("FetchAsync", null, false, "", "FetchAsync")] // not awaitable: the name is kept whole
    [InlineData("Async", null, true, "", "Async")] // nothing would be left
    [InlineData("FetchAsync", "Load", true, "", "Load")] // Name wins
    [InlineData("Resize", null, false, "", "Resize")]
    [InlineData("ResizeAsyncly", null, true, "", "ResizeAsyncly")] // only a trailing "Async"
    public void Prefix_is_Name_or_the_method_name_less_a_trailing_Async_on_task_returning_methods(string method, string? name, bool awaitable, string otherMember, string expected) =>
        Assert.Equal(expected, ParallelizableNames.Prefix(method, name, awaitable, member => member == otherMember));
}
