// Some tests stop and start the one local RabbitMQ broker; nothing else may use it meanwhile.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
