using System.IO.Packaging;
using System.Xml;
using DocumentFormat.OpenXml.Packaging;
using Pipeline.Cleaning;

namespace Pipeline.Extraction.Office;

/// <summary>Runs an Office read, turning the SDK's complaints about a malformed package into a <c>corrupt</c> rejection.</summary>
internal static class OfficeErrors
{
    public static T Guard<T>(string kind, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or XmlException or FileFormatException or InvalidOperationException or IOException)
        {
            throw new CleaningRejectedException("corrupt", $"The {kind} file cannot be read: {ex.Message}");
        }
    }

    public static DocumentMetadata Core(OpenXmlPackage package)
    {
        var core = package.PackageProperties;
        DateTimeOffset? created = core.Created is { } c ? new DateTimeOffset(DateTime.SpecifyKind(c, DateTimeKind.Utc)) : null;
        return new DocumentMetadata(MetadataText.Title(core.Title), MetadataText.Clean(core.Creator), created);
    }
}
