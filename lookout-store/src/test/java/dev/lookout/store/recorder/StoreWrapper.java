package dev.lookout.store.recorder;

import dev.lookout.core.record.CallRecord;
import dev.lookout.store.CallStore;
import dev.lookout.store.report.Report;
import dev.lookout.store.report.ReportQuery;
import java.util.List;
import java.util.Optional;

/** Delegates every call to another store, so a test can override one method. */
class StoreWrapper implements CallStore {
  final CallStore delegate;

  StoreWrapper(CallStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public int append(List<CallRecord> batch) {
    return delegate.append(batch);
  }

  @Override
  public void probeWrite() {
    delegate.probeWrite();
  }

  @Override
  public Report report(ReportQuery query) {
    return delegate.report(query);
  }

  @Override
  public long count() {
    return delegate.count();
  }

  @Override
  public java.util.List<dev.lookout.store.OwnerSpend> spendByOwner(java.time.Instant since) {
    return delegate.spendByOwner(since);
  }

  @Override
  public Optional<CallRecord> find(String requestId) {
    return delegate.find(requestId);
  }

  @Override
  public List<CallRecord> recent(int limit) {
    return delegate.recent(limit);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
