User.objects.extra(where=["name = %s" % name])  # want: B610
qs.extra(select={"x": expr})  # want: B610
qs.extra(tables=table_list)  # want: B610
qs.extra(None, ["a = " + b])  # want: B610

User.objects.extra(where=["name = %s"], params=[name])
qs.extra(select={"x": "count(*)"})
qs.extra(order_by=[col])
