namespace ParallelGen.Shared.Wrapping;

/// <summary>Where in the declaration a <see cref="WrapProblem"/> is reported.</summary>
internal enum WrapSite
{
    /// <summary>The method's name.</summary>
    MethodName,

    /// <summary>The attribute.</summary>
    Attribute,

    /// <summary>The attribute's <c>Name</c> argument (the method's name when the argument is absent).</summary>
    NameArgument,

    /// <summary>The parameter at <see cref="WrapProblem.ParameterIndex"/>.</summary>
    Parameter,

    /// <summary>The return type.</summary>
    ReturnType,
}

/// <summary>One reason a method gets no wrappers: the rule, where to report it and the message's arguments.</summary>
internal readonly struct WrapProblem
{
    /// <summary>Creates a problem.</summary>
    public WrapProblem(WrapRule rule, WrapSite site, int parameterIndex, params string[] arguments)
    {
        Rule = rule;
        Site = site;
        ParameterIndex = parameterIndex;
        Arguments = arguments;
    }

    /// <summary>The rule broken.</summary>
    public WrapRule Rule { get; }

    /// <summary>Where it is reported.</summary>
    public WrapSite Site { get; }

    /// <summary>The parameter's index for <see cref="WrapSite.Parameter"/>, else -1.</summary>
    public int ParameterIndex { get; }

    /// <summary>The arguments of the rule's message format, in order.</summary>
    public string[] Arguments { get; }
}
