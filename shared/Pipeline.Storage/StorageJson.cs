using System.Text.Json.Serialization;
using Pipeline.Contracts;

namespace Pipeline.Storage;

/// <summary>Source-generated JSON for the parts of a document stored as JSON columns.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<RemovedText>))]
[JsonSerializable(typeof(List<PageSpan>))]
[JsonSerializable(typeof(CrawlDefinition))]
[JsonSerializable(typeof(FetchState))]
[JsonSerializable(typeof(CrawlRunRecord))]
[JsonSerializable(typeof(DocumentOutcome))]
[JsonSerializable(typeof(string))]
[JsonSerializable(typeof(IReadOnlyCollection<long>))]
internal sealed partial class StorageJson : JsonSerializerContext;
