package val
import ("fmt";"os";"testing";"github.com/pdfcpu/pdfcpu/pkg/pdfcpu";"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model";"bytes")
func TestX(t *testing.T){
	b,_:=os.ReadFile("/tmp/i9/dump/brief-rich.pdf")
	c:=&model.Configuration{Reader15:true,Limits:model.DefaultResourceLimits()}
	ctx,err:=pdfcpu.Read(bytes.NewReader(b),c)
	fmt.Println(err)
	for i:=1;i<10;i++{e:=ctx.Table[i]; fmt.Printf("%d %T %v %v\n",i,e.Object,e.Compressed,e.Free)}
}
