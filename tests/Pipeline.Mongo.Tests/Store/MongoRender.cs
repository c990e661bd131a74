using Pipeline.Tests.Shared;
using MongoDB.Bson;
using MongoDB.Bson.Serialization;
using MongoDB.Driver;

namespace Pipeline.Mongo.Tests.Store;

/// <summary>Renders the driver's definitions to the BSON the server would receive.</summary>
internal static class MongoRender
{
    public static RenderArgs<T> Args<T>() => new(BsonSerializer.SerializerRegistry.GetSerializer<T>(), BsonSerializer.SerializerRegistry);

    public static BsonDocument Filter<T>(FilterDefinition<T> filter) => filter.Render(Args<T>());

    public static BsonDocument Sort<T>(SortDefinition<T> sort) => sort.Render(Args<T>());

    public static BsonValue Update<T>(UpdateDefinition<T> update) => update.Render(Args<T>());

    public static BsonDocument Keys<T>(IndexKeysDefinition<T> keys) => keys.Render(Args<T>());

    public static BsonArray Pipeline<TInput, TOutput>(PipelineDefinition<TInput, TOutput> pipeline) =>
        new(pipeline.Render(Args<TInput>()).Documents);

    public static BsonDocument Document<T>(T value) => value.ToBsonDocument();

    /// <summary>Through bytes and back, as the server would store and return it.</summary>
    public static T RoundTrip<T>(T value) => BsonSerializer.Deserialize<T>(value.ToBson());
}
