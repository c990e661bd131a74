namespace Pipeline.Hosting;

/// <summary>Exception messages as people should read them.</summary>
public static class ErrorText
{
    /// <summary>The message without the <c>(Parameter 'Limit')</c> suffix .NET appends to argument exceptions.</summary>
    public static string Of(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var message = exception.Message;
        if (exception is ArgumentException { ParamName: { Length: > 0 } name })
        {
            var suffix = $" (Parameter '{name}')";
            if (message.EndsWith(suffix, StringComparison.Ordinal))
            {
                message = message[..^suffix.Length];
            }
        }

        return message;
    }
}
