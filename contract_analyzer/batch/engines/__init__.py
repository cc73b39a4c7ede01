"""Where a batch's files are analysed: worker processes on this machine or a Dask cluster.

- ``sandbox``/``child``: one long-lived worker process and the watchdog that enforces the
  per-file time and memory limits by killing it;
- ``local``: ``jobs`` sandboxes on this machine;
- ``dask_engine``: the same sandboxes on the workers of a ``dask.distributed`` cluster;
- ``stats``: what an engine reports about its workers.
"""
